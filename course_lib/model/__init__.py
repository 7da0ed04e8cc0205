"""Language models of the course: the counting bigram of chapter 00 and the GPT."""
