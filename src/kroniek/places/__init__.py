"""kroniek.places"""
