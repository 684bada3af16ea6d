config = {
    "name": "gen",
    "debug"
}
