"""Messages of writing output files (English)."""

MESSAGES: dict[str, str] = {
    "export.cannot-write": "cannot write outputs: {reason}",
    "export.cannot-write-folder": "cannot write to `{folder}`: {reason}",
    "export.cannot-write-file": "cannot write `{path}`: {reason}",
    "export.dangling-link": "`{path}` is a symbolic link to `{target}`, which does not exist; remove the link or create the file it names",
    "export.bad-link": "cannot follow the symbolic link `{path}`: {reason}",
    "export.is-folder": "`{path}` is a folder; give the name of a file",
    "export.special-file": "`{path}` is {kind}, not a regular file; iki writes its outputs only to regular files",
    "export.kind-fifo": "a named pipe (FIFO)",
    "export.kind-device": "a device",
    "export.kind-socket": "a socket",
    "export.kind-other": "a special file",
    "export.name-too-long": "the name `{name}` is {size} bytes long; file names are limited to {limit} bytes",
    "export.same-file": "`{first}` and `{second}` are the same file (`{target}`); one output would overwrite the other",
}
