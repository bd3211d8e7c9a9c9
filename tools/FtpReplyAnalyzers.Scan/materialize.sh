#!/usr/bin/env bash
# Extracts each set of the development set (devset.tsv) at its pinned commit from bare mirrors into a work folder:
#   materialize.sh MIRRORS WORK [MANIFEST]
# MIRRORS holds one bare repository per public repository, at MIRRORS/owner+name/repo (or MIRRORS/owner+name),
# or a work tree there (its .git is used).
# Each set lands in WORK/NAME with the repository's own paths, ready for `FtpReplyAnalyzers.Scan --sets WORK`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mirrors="${1:?usage: materialize.sh MIRRORS WORK [MANIFEST]}"
work="${2:?usage: materialize.sh MIRRORS WORK [MANIFEST]}"
manifest="${3:-$here/devset.tsv}"

mkdir -p "$work"
status=0
while IFS=$'\t' read -r name repository commit folders; do
    [[ -z "$name" || "$name" == name || "$name" == \#* ]] && continue
    gitdir="$mirrors/${repository/\//+}/repo"
    [[ -d "$gitdir" ]] || gitdir="$mirrors/${repository/\//+}"
    [[ -d "$gitdir/.git" ]] && gitdir="$gitdir/.git"   # a mirror kept as a work tree
    if ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
        echo "$name: no mirror of $repository with commit $commit under $mirrors" >&2
        status=1
        continue
    fi

    rm -rf "${work:?}/$name"
    mkdir -p "$work/$name"
    # Only the C# files: the mirrors may lack large binaries, and the scan reads nothing else.
    specs=()
    for folder in $folders; do
        case "$folder" in
            .) specs+=(':(glob)**/*.cs') ;;
            *.cs) specs+=(":(glob)$folder") ;;
            *) specs+=(":(glob)$folder/**/*.cs") ;;
        esac
    done
    # (git names the large blobs a mirror lacks even when the pathspec leaves them out: not an error here.)
    git --git-dir="$gitdir" archive "$commit" "${specs[@]}" 2> >(grep -v '^error: invalid object' >&2) | tar -x -C "$work/$name"
    echo "$name: $(find "$work/$name" -name '*.cs' | wc -l) .cs files from $repository@${commit:0:12} ${folders}"
done < "$manifest"
exit $status
