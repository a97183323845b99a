/*
 * \brief  Unit test of init's config model: both syntaxes, the model
 *
 * The other files of this test cover error messages, warnings and route
 * resolution; this one checks that valid configs yield the right model.
 */

#include <string.h>

#include "common.h"

static const char new_syntax[] =
        "<config prio_levels=\"4\" verbose=\"yes\">\n"
        "  <parent-provides>\n"
        "    <service name=\"ROM\"/> <service name=\"RAM\"/> <service name=\"CPU\"/>\n"
        "    <service name=\"RM\"/> <service name=\"PD\"/> <service name=\"CAP\"/>\n"
        "    <service name=\"LOG\"/> <service name=\"SIGNAL\"/>\n"
        "  </parent-provides>\n"
        "  <default-route>\n"
        "    <any-service> <parent/> <any-child/> </any-service>\n"
        "  </default-route>\n"
        "  <start name=\"timer\">\n"
        "    <resource name=\"RAM\" quantum=\"1M\"/>\n"
        "    <provides> <service name=\"Timer\"/> </provides>\n"
        "  </start>\n"
        "  <start name=\"nitlog\" priority=\"-3\">\n"
        "    <resource name=\"RAM\" quantum=\"0x20000\"/>\n"
        "    <provides> <service name=\"LOG\"/> </provides>\n"
        "  </start>\n"
        "  <start name=\"liquid_fb\">\n"
        "    <resource name=\"RAM\" quantum=\"6M\"/>\n"
        "    <provides> <service name=\"Framebuffer\"/> <service name=\"Input\"/> </provides>\n"
        "  </start>\n"
        "  <start name=\"nested_nitpicker\" priority=\"-1\">\n"
        "    <binary name=\"nitpicker\"/>\n"
        "    <resource name=\"RAM\" quantum=\"1M\"/>\n"
        "    <provides><service name=\"Nitpicker\"/></provides>\n"
        "    <route>\n"
        "      <service name=\"LOG\"> <child name=\"nitlog\"/> </service>\n"
        "      <any-service> <parent/> <child name=\"liquid_fb\"/> <any-child/> </any-service>\n"
        "    </route>\n"
        "    <config> <any-node value=\"a &amp; b\"/> </config>\n"
        "  </start>\n"
        "</config>\n";

void
model_new_syntax(void)
{
	if (!CHECK_EQ(parse(new_syntax), STATUS_OK))
		return;
	CHECK_EQ(diag.warning_count, 0);
	CHECK_EQ(cfg.syntax, INIT_CONFIG_SYNTAX_10_05);
	CHECK_EQ(cfg.prio_levels, 4);
	CHECK_EQ(cfg.prio_bits, 2);
	CHECK(cfg.verbose);
	CHECK_EQ(cfg.parent_service_count, 8);
	CHECK_STR(cfg.parent_services[7], "SIGNAL");
	CHECK(init_config_parent_provides(&cfg, "LOG"));
	CHECK(!init_config_parent_provides(&cfg, "Timer"));

	const struct init_route *dr = &cfg.default_route;
	CHECK(dr->present);
	CHECK_EQ(dr->entry_count, 1);
	CHECK(dr->entries[0].any_service);
	CHECK_EQ(dr->entries[0].target_count, 2);
	CHECK_EQ(dr->entries[0].targets[0].kind, INIT_TARGET_PARENT);
	CHECK_EQ(dr->entries[0].targets[1].kind, INIT_TARGET_ANY_CHILD);

	if (!CHECK_EQ(cfg.child_count, 4))
		return;
	const struct init_child *timer = &cfg.children[0], *nitlog = &cfg.children[1];
	CHECK_STR(timer->name, "timer");
	CHECK_STR(timer->binary, "timer");
	CHECK_EQ(timer->ram_quota, 1 << 20);
	CHECK(timer->ram_quota_given);
	CHECK_EQ(timer->priority, 0);
	CHECK_EQ(timer->provides_count, 1);
	CHECK_STR(timer->provides[0], "Timer");
	CHECK(!timer->route.present);
	CHECK_EQ(timer->config_kind, INIT_CHILD_CONFIG_NONE);
	CHECK_EQ(timer->line, 10);
	CHECK_EQ(timer->column, 3);
	CHECK_EQ(nitlog->priority, -3);
	CHECK_EQ(nitlog->ram_quota, 0x20000);
	CHECK_EQ(cfg.children[2].provides_count, 2);
}

void
model_new_syntax_routes(void)
{
	if (!CHECK_EQ(parse(new_syntax), STATUS_OK) || !CHECK_EQ(cfg.child_count, 4))
		return;
	const struct init_child *nit = &cfg.children[3];
	CHECK_STR(nit->name, "nested_nitpicker");
	CHECK_STR(nit->binary, "nitpicker");
	CHECK_EQ(nit->priority, -1);
	CHECK(nit->route.present);
	CHECK_EQ(nit->route.entry_count, 2);
	const struct init_route_entry *log = &nit->route.entries[0], *any = &nit->route.entries[1];
	CHECK(!log->any_service);
	CHECK_STR(log->service, "LOG");
	CHECK_EQ(log->target_count, 1);
	CHECK_EQ(log->targets[0].kind, INIT_TARGET_CHILD);
	CHECK_EQ(log->targets[0].child, 1);
	CHECK_EQ(log->line, 27);
	CHECK_EQ(any->target_count, 3);
	CHECK_EQ(any->targets[1].kind, INIT_TARGET_CHILD);
	CHECK_EQ(any->targets[1].child, 2);
	CHECK_EQ(any->targets[2].kind, INIT_TARGET_ANY_CHILD);

	/* the nested config is handed on byte for byte */
	static const char inner[] = "<config> <any-node value=\"a &amp; b\"/> </config>";
	CHECK_EQ(nit->config_kind, INIT_CHILD_CONFIG_INLINE);
	CHECK_EQ(nit->config_text.len, strlen(inner));
	CHECK(nit->config_text.len == strlen(inner) &&
	      memcmp(nit->config_text.start, inner, strlen(inner)) == 0);
	CHECK_EQ(init_config_child_index(&cfg, "liquid_fb"), 2);
	CHECK_EQ(init_config_child_index(&cfg, "nitpicker"), -1);
}

/* the example of the 10.02 release notes, as the anchor doc gives it */
static const char old_syntax[] = "<config>\n"
                                 "  <priolevels>2</priolevels>\n"
                                 "  <start>\n"
                                 "    <filename>timer</filename>\n"
                                 "    <ram_quota> 512K </ram_quota>\n"
                                 "    <priority>-1</priority>\n"
                                 "    <config> <verbose/> </config>\n"
                                 "  </start>\n"
                                 "  <start>\n"
                                 "    <filename>test</filename>\n"
                                 "    <ram_quota>1M</ram_quota>\n"
                                 "    <configfile>other_config</configfile>\n"
                                 "  </start>\n"
                                 "</config>\n";

void
model_old_syntax(void)
{
	if (!CHECK_EQ(parse(old_syntax), STATUS_OK))
		return;
	CHECK_EQ(diag.warning_count, 0);
	CHECK_EQ(cfg.syntax, INIT_CONFIG_SYNTAX_10_02);
	CHECK_EQ(cfg.prio_levels, 2);
	CHECK_EQ(cfg.prio_bits, 1);
	CHECK(!cfg.verbose);
	/* the services 10.02 init hard-codes as its parent's */
	CHECK_EQ(cfg.parent_service_count, 11);
	CHECK(init_config_parent_provides(&cfg, "IO_PORT"));
	CHECK(init_config_parent_provides(&cfg, "SIGNAL"));
	CHECK(!cfg.default_route.present);
	if (!CHECK_EQ(cfg.child_count, 2))
		return;
	const struct init_child *timer = &cfg.children[0], *test = &cfg.children[1];
	CHECK_STR(timer->name, "timer");
	CHECK_STR(timer->binary, "timer");
	CHECK_EQ(timer->ram_quota, 512 * 1024);
	CHECK_EQ(timer->priority, -1);
	CHECK_EQ(timer->config_kind, INIT_CHILD_CONFIG_INLINE);
	CHECK_EQ(timer->config_text.len, strlen("<config> <verbose/> </config>"));
	CHECK_EQ(timer->line, 3);
	CHECK_EQ(test->priority, 0);
	CHECK_EQ(test->config_kind, INIT_CHILD_CONFIG_FILE);
	CHECK_STR(test->config_file, "other_config");
	CHECK(!test->route.present);
	CHECK_EQ(test->provides_count, 0);
}

static const char same_old[] = "<config><priolevels>8</priolevels>\n"
                               "<start><filename>timer</filename><ram_quota>1M</ram_quota>"
                               "<priority>-7</priority></start>\n"
                               "<start><filename>launchpad</filename>"
                               "<ram_quota>0x1000</ram_quota>"
                               "<config><launcher><filename>scout</filename>"
                               "<ram_quota>10M</ram_quota></launcher></config></start>\n"
                               "<start><filename>fb</filename><ram_quota>2G</ram_quota>"
                               "<configfile>fb.config</configfile></start>\n"
                               "</config>";

static const char same_new[] = "<config prio_levels='8'>\n"
                               "<start name='timer' priority='-7'>"
                               "<resource name='RAM' quantum='1024K'/></start>\n"
                               "<start name='launchpad'><resource name='RAM' quantum='4096'/>"
                               "<config><launcher><filename>scout</filename>"
                               "<ram_quota>10M</ram_quota></launcher></config></start>\n"
                               "<start name='fb'><resource name='RAM' quantum='2048M'/>"
                               "<configfile name='fb.config'/></start>\n"
                               "</config>";

static struct init_child old_children[3];

void
model_same_for_both_syntaxes(void)
{
	if (!CHECK_EQ(parse(same_old), STATUS_OK) || !CHECK_EQ(cfg.child_count, 3))
		return;
	CHECK_EQ(cfg.syntax, INIT_CONFIG_SYNTAX_10_02);
	memcpy(old_children, cfg.children, sizeof(old_children));

	if (!CHECK_EQ(parse(same_new), STATUS_OK) || !CHECK_EQ(cfg.child_count, 3))
		return;
	CHECK_EQ(cfg.syntax, INIT_CONFIG_SYNTAX_10_05);
	CHECK_EQ(cfg.prio_levels, 8);
	CHECK_EQ(diag.warning_count, 0);
	for (unsigned i = 0; i < 3; i++) {
		const struct init_child *o = &old_children[i], *n = &cfg.children[i];
		CHECK_STR(n->name, o->name);
		CHECK_STR(n->binary, o->binary);
		CHECK_EQ(n->ram_quota, o->ram_quota);
		CHECK_EQ(n->priority, o->priority);
		CHECK_EQ(n->config_kind, o->config_kind);
		CHECK_STR(n->config_file, o->config_file);
		CHECK_EQ(n->config_text.len, o->config_text.len);
		if (n->config_text.len && n->config_text.len == o->config_text.len)
			CHECK(memcmp(n->config_text.start, o->config_text.start,
			             n->config_text.len) == 0);
		CHECK_EQ(n->provides_count, o->provides_count);
		CHECK_EQ(n->route.present, o->route.present);
	}
	CHECK_EQ(cfg.children[0].priority, -7);
	CHECK_EQ(cfg.children[2].ram_quota, 2ull << 30);
}

/* a nested init, as in Genode's nested_init scenario */
static const char nested[] =
        "<config>\n"
        "  <parent-provides>\n"
        "    <service name=\"ROM\"/> <service name=\"RAM\"/> <service name=\"CPU\"/>\n"
        "    <service name=\"RM\"/> <service name=\"PD\"/> <service name=\"LOG\"/>\n"
        "  </parent-provides>\n"
        "  <default-route> <any-service> <parent/> </any-service> </default-route>\n"
        "  <start name=\"init\">\n"
        "    <resource name=\"RAM\" quantum=\"10M\"/>\n"
        "    <config verbose=\"yes\">\n"
        "      <parent-provides> <service name=\"ROM\"/> <service name=\"RAM\"/>\n"
        "        <service name=\"CPU\"/> <service name=\"RM\"/> <service name=\"PD\"/>\n"
        "        <service name=\"LOG\"/> </parent-provides>\n"
        "      <default-route> <any-service> <parent/> <any-child/> </any-service>\n"
        "      </default-route>\n"
        "      <start name=\"timer\" extra=\"for the child\">\n"
        "        <resource name=\"RAM\" quantum=\"1M\"/>\n"
        "        <provides><service name=\"Timer\"/></provides>\n"
        "      </start>\n"
        "      <start name=\"test\"> <resource name=\"RAM\" quantum=\"1M\"/>\n"
        "        <whatever/> </start>\n"
        "    </config>\n"
        "  </start>\n"
        "</config>\n";

static struct init_config inner_cfg;

void
model_nested_config(void)
{
	if (!CHECK_EQ(parse(nested), STATUS_OK) || !CHECK_EQ(cfg.child_count, 1))
		return;
	/* the inner config's oddities are the inner init's business */
	CHECK_EQ(diag.warning_count, 0);
	const struct init_child *init = &cfg.children[0];
	CHECK_EQ(init->config_kind, INIT_CHILD_CONFIG_INLINE);

	/* what the inner init will see when it reads its "config" ROM */
	struct init_config_diag inner_diag;
	status_t s = init_config_parse(&inner_cfg, config_heap(), init->config_text.start,
	                               init->config_text.len, &inner_diag);
	if (!CHECK_EQ(s, STATUS_OK) || !CHECK_EQ(inner_cfg.child_count, 2))
		return;
	CHECK(inner_cfg.verbose);
	CHECK_STR(inner_cfg.children[0].name, "timer");
	CHECK_EQ(inner_diag.warning_count, 2);
	/* positions count from the start of the inner text */
	CHECK_STR(inner_diag.warnings[0], "config line 7, column 34: child \"timer\": "
	                                  "unknown attribute \"extra\" of <start> ignored");
	CHECK_STR(inner_diag.warnings[1], "config line 12, column 9: child \"test\": "
	                                  "unknown node <whatever> in <start> ignored");
}

void
model_defaults(void)
{
	if (!CHECK_EQ(parse("<config/>"), STATUS_OK))
		return;
	CHECK_EQ(cfg.syntax, INIT_CONFIG_SYNTAX_10_05);
	CHECK_EQ(cfg.prio_levels, 1);
	CHECK_EQ(cfg.prio_bits, 0);
	CHECK_EQ(cfg.child_count, 0);
	CHECK_EQ(cfg.parent_service_count, 0);
	CHECK_EQ(diag.warning_count, 0);
	CHECK_STR(diag.error, "");

	/* 2^16 levels is the most the logical range can tell apart */
	CHECK_EQ(parse("<config prio_levels=\"65536\"/>"), STATUS_OK);
	CHECK_EQ(cfg.prio_bits, 16);
	CHECK_EQ(parse("<config><priolevels>1</priolevels></config>"), STATUS_OK);
	CHECK_EQ(cfg.syntax, INIT_CONFIG_SYNTAX_10_02);
	CHECK_EQ(cfg.prio_bits, 0);

	/* the diag is optional */
	CHECK_EQ(init_config_parse(&cfg, config_heap(), "<config/>", 9, NULL), STATUS_OK);
	CHECK_EQ(init_config_parse(&cfg, config_heap(), "<oops/>", 7, NULL), STATUS_INVALID_ARGS);
}

void
model_reparse_resets(void)
{
	CHECK_EQ(parse(new_syntax), STATUS_OK);
	CHECK_EQ(parse(old_syntax), STATUS_OK);
	/* nothing of the 10.05 config survives into the 10.02 one */
	CHECK(!cfg.verbose);
	CHECK(!cfg.default_route.present);
	CHECK_EQ(cfg.child_count, 2);
	CHECK_EQ(cfg.children[1].provides_count, 0);
	CHECK(!cfg.children[1].route.present);
}

TEST_MAIN(TEST_CASE(model_new_syntax), TEST_CASE(model_new_syntax_routes),
          TEST_CASE(model_old_syntax), TEST_CASE(model_same_for_both_syntaxes),
          TEST_CASE(model_nested_config), TEST_CASE(model_defaults),
          TEST_CASE(model_reparse_resets), TEST_CASE(errors_xml), TEST_CASE(errors_root_and_syntax),
          TEST_CASE(errors_names), TEST_CASE(errors_quantum), TEST_CASE(errors_priority),
          TEST_CASE(errors_prio_levels), TEST_CASE(errors_routes), TEST_CASE(errors_route_unknown),
          TEST_CASE(errors_route_conditions), TEST_CASE(errors_bounds), TEST_CASE(errors_heap),
          TEST_CASE(errors_duplicates), TEST_CASE(errors_one_line), TEST_CASE(warnings_unknown),
          TEST_CASE(warnings_not_inside_child_config), TEST_CASE(warnings_nested_config_slip),
          TEST_CASE(warnings_services), TEST_CASE(warnings_any_child_ambiguous),
          TEST_CASE(warnings_overflow), TEST_CASE(lists_beyond_old_bounds), TEST_CASE(lists_heap),
          TEST_CASE(routing_first_match), TEST_CASE(routing_explicit_service_no_fallback),
          TEST_CASE(routing_any_service_skips), TEST_CASE(routing_any_child_ambiguous),
          TEST_CASE(routing_default_and_missing), TEST_CASE(routing_old_syntax),
          TEST_CASE(routing_invalid_request), TEST_CASE(routing_label_conditions),
          TEST_CASE(routing_label_scope), TEST_CASE(routing_if_arg), TEST_CASE(host_access_model),
          TEST_CASE(host_access_errors))
