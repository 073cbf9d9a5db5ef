"""The figures a person sees, for one Scope: the one pipeline behind screens, slides and the brief.

No Streamlit here. Every board is a function of (reader, scope): the reader is how rows come
in (a cached one on screens, a plain one in the brief and tests), the scope says whose figures.
"""
