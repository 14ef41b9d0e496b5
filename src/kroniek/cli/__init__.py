"""kroniek.cli"""
