CKSearch.words("vp",{"vp":["vp","03"]});
