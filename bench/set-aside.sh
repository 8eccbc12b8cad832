# Sourced by the benches that build from an empty output folder: set_aside
# empties output folders without deleting anything while a run measures.
#
# ext4 without a journal, as on this machine (/sys/fs/ext4/<disk>/journal_task
# is empty), does not reuse an inode deleted in the last minute, or the last
# six minutes while its inode table block is dirty (fs/ext4/ialloc.c,
# recently_deleted): each new file then scans past every recently deleted inode
# of its block group. Measured here on 2026-12-07 (30,000 files in 15,000
# folders): 0.44 s of system time on a settled disk, 3.9 s right after deleting
# as many, 7.6 s 150 s after, 0.5 s 400 s after; a 35 s wait does not help. Up
# to a fifth of a 10,000-document build's CPU went there, and more for the tool
# writing more files. A journalled ext4 (the usual server) never makes that
# check, so a run deletes nothing while it measures: set_aside moves output
# folders into $trash, deleted_at_end deletes them when the run is over, and
# wait_for_deletions makes the next run start once that deletion is 400 s old.
# DELETE=1 deletes at once and waits SETTLE seconds (default 35) instead, as the
# benches did until 2026-12-07.
trash=$out/trash
set_aside() {
  if [ -n "${DELETE:-}" ]; then rm -rf "$@"; sync; sleep "${SETTLE:-35}"; return; fi
  mkdir -p "$trash"
  for folder in "$@"; do
    if [ -e "$folder" ]; then mv "$folder" "$trash/$(date +%s%N)"; fi
  done
}
# KEEP_TRASH=1 leaves the folders set aside for the next run to delete, so that benches run one after another
# (full-build.sh, incremental.sh, scale.sh) need not wait for one another's deletions.
deleted_at_end() {
  if [ -n "${KEEP_TRASH:-}" ]; then return; fi
  rm -rf "$trash"; sync; date +%s > "$out/.deleted-at"
}
wait_for_deletions() {
  [ -z "${DELETE:-}" ] && [ -f "$out/.deleted-at" ] || return 0
  local wait=$(( $(cat "$out/.deleted-at") + 400 - $(date +%s) ))
  if [ "$wait" -gt 0 ]; then echo "waiting ${wait} s: the last run's deletions are recent (bench/set-aside.sh)"; sleep "$wait"; fi
}

# Each full build starts with the page cache holding what it reads (the corpus, the tools) and little else. A run
# writes gigabytes; once they fill the memory, each build also pays for the kernel reclaiming pages, and the more
# the later it comes in the run (Hugo, last in each round, went from 8.6 s to 10.1 s on 2026-12-07). Dropping the
# clean page cache (after sync) also drops the inode tables of the folders set aside, which the check above reads.
# Needs root; without it the cache is left as it is.
warm_start() {
  sync
  if [ -w /proc/sys/vm/drop_caches ]; then echo 1 > /proc/sys/vm/drop_caches; fi
  local path
  for path in "$@"; do
    if [ -d "$path" ]; then find "$path" -type f -exec cat {} + > /dev/null; elif [ -f "$path" ]; then cat "$path" > /dev/null; fi
  done
}
