CKSearch.words("kh",{"kh":["kh","1"],
"khai":["khai","1"]});
