"""What the charts say in words: a one-line caption each on how to read it (no matplotlib)."""

CAPTIONS = {
    "timeline": "How to read: each bar is one week; its height is the claim mentions that week, "
    "coloured by the status their proposition has now.",
    "network": "How to read: an arrow runs from the actor said to act to the one it acted for "
    "or against; green, thicker arrows carry corroborated propositions, grey ones only others.",
    "coverage": "How to read: each point is an actor; far above the dotted line means much "
    "repeated and little independently shown; on the line, attention matches evidence.",
}
