"""Streamlit-side helpers of the dashboard: corpus choice, sidebar filters, cached views, HTML and charts."""
