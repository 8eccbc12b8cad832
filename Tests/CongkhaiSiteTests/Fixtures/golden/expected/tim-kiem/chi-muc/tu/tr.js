CKSearch.words("tr",{"tran":["trânF","3"],
"tri":["triJ","2"],
"trien":["triênR","1"],
"trong":["trong","1"],
"tru":["trưX","0"],
"truyen":["truyênF","03"]});
