"""`drop_shares` is the whole-text share substitution, run stretch by stretch for speed."""

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.breakdowns import _SHARE, drop_shares

# the characters the share pattern turns on, and a few it passes over
_ALPHABET = st.sampled_from(list(",;。、()%0123456789.占比例为条件 ab\n"))


@settings(max_examples=3000, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_same_as_the_whole_text_substitution(text: str) -> None:
    assert drop_shares(text) == _SHARE.sub("", text)


def test_a_share_clause_goes_with_its_leading_comma() -> None:
    text = "政策文件20条,所占比例为30%,工作动态10条(占12.5%),其他5条"
    assert drop_shares(text) == "政策文件20条,工作动态10条(),其他5条"
    assert drop_shares(text) == _SHARE.sub("", text)
