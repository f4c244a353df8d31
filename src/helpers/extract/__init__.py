"""The curation assistant: propose candidate figures from an article's text.

``patterns`` holds the rule tables (words and regular expressions); ``engine`` applies them.
"""
