"""The local fake of Azure Machine Learning behind scripts/azure_ml_fake.py (see its docstring)."""
