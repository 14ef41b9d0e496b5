"""kroniek.actors"""
