"""kroniek.events"""
