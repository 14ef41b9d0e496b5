"""Language layer: spaCy pipelines (shipped or user-chosen) and news-proof sentence segmentation."""
