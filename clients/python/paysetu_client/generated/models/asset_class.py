from enum import StrEnum

class AssetClass(StrEnum):
    DOUBTFUL_1 = "doubtful_1"
    DOUBTFUL_2 = "doubtful_2"
    DOUBTFUL_3 = "doubtful_3"
    LOSS = "loss"
    SMA_0 = "sma_0"
    SMA_1 = "sma_1"
    SMA_2 = "sma_2"
    STANDARD = "standard"
    SUBSTANDARD = "substandard"

    def __str__(self) -> str:
        return str(self.value)
