"""kroniek.time"""
