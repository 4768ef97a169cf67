"""The taxonomy data file agrees with the contract in shared/design/taxonomy.md."""

from openness.taxonomy import load_taxonomy

ROLES = {"license", "use_policy", "model_card", "data_card", "readme", "notice", "other"}


def test_every_kind_belongs_to_a_declared_group():
    taxonomy = load_taxonomy()
    assert taxonomy.kinds
    for kind in taxonomy.kinds.values():
        assert kind.group in taxonomy.groups, kind.name


def test_group_sources_are_document_roles():
    for group in load_taxonomy().groups.values():
        assert group.sources and set(group.sources) <= ROLES, group.name


def test_enum_attributes_list_their_values():
    for kind in load_taxonomy().kinds.values():
        for attribute in kind.attributes.values():
            assert (attribute.type == "enum") == bool(attribute.values), (kind.name, attribute.name)


def test_threshold_attributes_are_typed():
    taxonomy = load_taxonomy()
    assert taxonomy["restrict.user_threshold"].attributes["count"].type == "int"
    assert taxonomy["restrict.revenue_threshold"].attributes["amount"].type == "money"
