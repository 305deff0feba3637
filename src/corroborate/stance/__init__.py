"""Document stance: does a body agree with, disagree with, discuss, or ignore a headline?

from corroborate.stance import StanceModel
model = StanceModel.load()
[p] = model.predict([(headline, body)])
p.label, p.confidence, p.probabilities, p.passage
"""

from corroborate.stance.data import LABELS
from corroborate.stance.model import Passage, StanceModel, StancePrediction

__all__ = ["LABELS", "Passage", "StanceModel", "StancePrediction"]
