"""Analysis: pure functions over stored values (rankings, trends, peers, summaries)."""
