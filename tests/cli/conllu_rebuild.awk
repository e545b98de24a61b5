# conllu_rebuild.awk - rebuilds the text from khabar's CoNLL-U (FORM, then
# SpaceAfter=No / SpacesAfter= / SpacesBefore= in MISC, UDPipe's escapes).
# Run with LC_ALL=C so that awk counts bytes.
BEGIN { FS = "\t"; ORS = "" }
/^#/ || NF == 0 { next }
{
    before = ""; after = " "
    n = split($10, kv, "|")
    for (i = 1; i <= n; i++) {
        eq = index(kv[i], "=")
        key = substr(kv[i], 1, eq - 1); val = substr(kv[i], eq + 1)
        if (key == "SpacesBefore") before = unescape(val)
        else if (key == "SpaceAfter" && val == "No") after = ""
        else if (key == "SpacesAfter") after = unescape(val)
    }
    print before $2 after
}
function unescape(v,    out, i, c, d) {
    out = ""
    for (i = 1; i <= length(v); i++) {
        c = substr(v, i, 1)
        if (c == "\\" && i < length(v)) {
            d = substr(v, ++i, 1)
            if (d == "s") c = " "
            else if (d == "t") c = "\t"
            else if (d == "n") c = "\n"
            else if (d == "r") c = "\r"
            else if (d == "p") c = "|"
            else c = d
        }
        out = out c
    }
    return out
}
