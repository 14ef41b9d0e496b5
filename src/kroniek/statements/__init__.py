"""kroniek.statements"""
