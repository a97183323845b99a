FUZZ  := fuzz-xml
SRC_C := main.c
LIBS  := xml
