"""Answers → tallies → statistics → verdict and recommendations: a frozen ScoreResult. Pure."""
