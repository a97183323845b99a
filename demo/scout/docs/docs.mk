#
# scout's tutorial documents and pictures as ROM modules in $(BUILD)/bin,
# where build_boot_image picks them like programs: a run script says
# build "scout_docs" and names the modules (SCOUT_MODULES) in its boot
# image. Documents are copied; pictures are drawn with ImageMagick from
# primitives (draw_image.sh) and turned into gfx images by the GUI's host
# tool (doc/gui.md, "Images"). Nothing here depends on the platform.
#

SCOUT_DOC_DIR := demo/scout/docs
SCOUT_DOCS    := tutorial.txt nitpicker.txt
SCOUT_IMAGES  := overview.img views.img

SCOUT_DOC_FILES   := $(addprefix $(BUILD)/bin/,$(SCOUT_DOCS))
SCOUT_IMAGE_FILES := $(addprefix $(BUILD)/bin/,$(SCOUT_IMAGES))

$(SCOUT_DOC_FILES): $(BUILD)/bin/%: $(SCOUT_DOC_DIR)/%
	@mkdir -p $(@D)
	cp $< $@

$(BUILD)/gen/scout/%.png: $(SCOUT_DOC_DIR)/draw_image.sh
	@mkdir -p $(@D)
	$(SCOUT_DOC_DIR)/draw_image.sh $* $@

$(SCOUT_IMAGE_FILES): $(BUILD)/bin/%.img: $(BUILD)/gen/scout/%.png $(GFX_MKIMAGE)
	@mkdir -p $(@D)
	$(GFX_MKIMAGE) $< $@

# without the GUI's image tool (GFX_MKIMAGE, tool/mk/gfx.mk) the pictures
# are left out, and scout shows a placeholder naming each
.PHONY: scout_docs
scout_docs: $(SCOUT_DOC_FILES) $(if $(GFX_MKIMAGE),$(SCOUT_IMAGE_FILES))
programs: scout_docs
