-- One trigram index per searchable type instead of one for all: a search names its type, and a common
-- syllable ("obo") found 15,000 candidates of every type at a million records, each a heap row to check
-- before 2,500 organizations were counted. Interactions have no search text and are in none of them.
-- New entries wait in a pending list that every search reads through, until it is merged into the index when
-- it is full or by vacuum: 512 kB instead of the default 4 MB keeps searches fast while a load is running.
drop index entity_search;
create index entity_search_organization on entity using gin (search_text gin_trgm_ops) with (gin_pending_list_limit = 512)
    where entity_type = 'organization' and merged_into is null and not deleted and search_text <> '';
create index entity_search_contact on entity using gin (search_text gin_trgm_ops) with (gin_pending_list_limit = 512)
    where entity_type = 'contact' and merged_into is null and not deleted and search_text <> '';
create index entity_search_lead on entity using gin (search_text gin_trgm_ops) with (gin_pending_list_limit = 512)
    where entity_type = 'lead' and merged_into is null and not deleted and search_text <> '';
create index entity_search_deal on entity using gin (search_text gin_trgm_ops) with (gin_pending_list_limit = 512)
    where entity_type = 'deal' and merged_into is null and not deleted and search_text <> '';
create index entity_search_note on entity using gin (search_text gin_trgm_ops) with (gin_pending_list_limit = 512)
    where entity_type = 'note' and merged_into is null and not deleted and search_text <> '';
create index entity_search_user on entity using gin (search_text gin_trgm_ops) with (gin_pending_list_limit = 512)
    where entity_type = 'user' and merged_into is null and not deleted and search_text <> '';
