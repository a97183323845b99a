LIB   := scout_doc
SRC_C := doc.c doc_store.c doc_inline.c doc_parse.c layout.c history.c chrome.c
LIBS  := alloc util
