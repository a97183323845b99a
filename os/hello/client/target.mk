TARGET := hello-client
SRC_C  := main.c
LIBS   := component xml
