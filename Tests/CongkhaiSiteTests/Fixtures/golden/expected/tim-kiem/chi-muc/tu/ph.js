CKSearch.words("ph",{"phap":["phapS","2"],
"phat":["phatS","2"],
"phep":["phepS","5"],
"phong":["phongF","02"],
"phu":["phuR","0"]});
