CKSearch.words("ho",{"ho":["hôF","0"],
"hoa":["hoaS","0"],
"hoach":["hoachJ","1"],
"hong":["hôngF","3"],
"hop":["hơpJ","0"]});
