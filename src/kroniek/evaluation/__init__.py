"""kroniek.evaluation"""
