"""Text handling with exact character offsets: normalising, tokens, sentences, phrases."""
