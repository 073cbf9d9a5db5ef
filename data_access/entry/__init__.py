"""Reports entered by commune officers in a form, and their approval by a data officer.

A period (commune, stage, as-of date) goes draft → submitted → returned (with a comment) or
approved; approval writes its values into `reports` as one batch through the file import's
own checks, so a form and a file can never disagree. An approved period is locked until a
data officer reopens it with a reason. Every step is kept in entry_history.
"""
