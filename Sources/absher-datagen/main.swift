print("absher-datagen")
