"""kroniek.api"""
