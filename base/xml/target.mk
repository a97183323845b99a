LIB   := xml
SRC_C := cursor.c parse.c
LIBS  := node util
