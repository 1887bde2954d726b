-- When the first write the figures have not taken in yet was made. Computations during a long load are spaced from it,
-- so a short burst of writes (a sync round of a second) is left alone until it is over instead of sharing the
-- machine with a pass over the whole tenant that started at its first write.
alter table graph_figures_state add column pending_since timestamptz;
update graph_figures_state set pending_since = changed_at where change_count > computed_count;
