"""kroniek.quantities"""
