// Intentionally empty: the target only supplies a symbol (see shim.cpp).
