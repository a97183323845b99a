/*
 * \brief  XML front end of the config tree
 *
 * Accepts the XML subset Genode configs use: one root element, elements with
 * quoted attributes, self-closing tags, text in leaf elements, comments, an
 * optional <?xml ...?> prolog and the predefined and numeric character
 * references. DOCTYPE, CDATA and text mixed with sub-elements are rejected.
 * The parser does not recurse, so nesting depth costs no stack.
 */

#ifndef _INCLUDE__UTIL__XML_H_
#define _INCLUDE__UTIL__XML_H_

#include <util/node_tree.h>

/*
 * Parse len bytes of src into tree, replacing its previous content. The tree
 * keeps pointers into src, which must outlive it. On failure the tree is
 * empty and err (may be NULL) says what was wrong and where.
 */
status_t xml_parse(struct node_tree *tree, const char *src, size_t len, struct node_error *err);

/*
 * Upper bounds of the nodes and attributes xml_parse() can need for src,
 * for callers that size the storage from the input.
 */
void xml_storage_needed(const char *src, size_t len, uint32_t *nodes, uint32_t *attrs);

#endif /* _INCLUDE__UTIL__XML_H_ */
