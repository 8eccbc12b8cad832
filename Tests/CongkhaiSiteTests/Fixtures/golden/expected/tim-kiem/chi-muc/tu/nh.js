CKSearch.words("nh",{"nhiem":["nhiêmJ","0"],
"nhu":["như","0"]});
