"""kroniek.store"""
