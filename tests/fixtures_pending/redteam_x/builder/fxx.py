from fxx1 import FX as FX1
from fxx2 import FX as FX2

FX = FX1 + FX2
