"""Drawing below every client: card faces (`card_view`), text fitting (`text`, `blocks`),
themes (`theme`), card pictures (`images`), where things go (`layout`) and the table's text
panels (`panels`); `fits` asks the same functions whether a card's words fit, without
drawing. Used by the window (`ui/pygame`), by `cardsdealt print` and by `cardsdealt check`.
Nothing here imports `cardsdealt.ui`, and nothing here keeps game state.
"""
