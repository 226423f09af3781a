"""Proposed grades: evidence strands, the framework's rules, and the team's judgement."""
