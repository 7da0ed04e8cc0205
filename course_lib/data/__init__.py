"""Text for the course: the built-in bilingual world, real-text loaders, batching."""
