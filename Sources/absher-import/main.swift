// The absher-import executable: arguments in, exit status out.
print("absher-import")
