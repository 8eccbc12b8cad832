CKSearch.words("nh",{"nhan":["nhân","3"],
"nhiem":["nhiêmJ","0"],
"nhu":["như","0"]});
