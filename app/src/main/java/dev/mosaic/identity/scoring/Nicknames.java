package dev.mosaic.identity.scoring;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Given names that stand for one another (Bob and Robert, Bill and William, Jon and Jonathan): a record saying "Bob
 * Smith" and one saying "Robert Smith" agree on the first name as much as a typo would. Names are compared folded
 * (lower case, no accents). A name may belong to several groups (Chris: Christopher, Christine).
 */
public final class Nicknames {

    private static final String[] GROUPS = {
        "abigail abby abbie gail", "abraham abe bram", "albert al bert bertie", "alexander alex alec sandy xander alexandr",
        "alexandra alex alexa sandra sasha", "alfred al alf fred freddie", "allison ali allie", "andrew andy drew",
        "angela angie", "anthony tony", "antonio tony toni", "arthur art artie", "barbara barb barbie babs",
        "benjamin ben benny benji", "bernard bernie barney", "beverly bev", "bradley brad", "catherine cathy cat kate katie",
        "charles charlie chuck chas chaz", "christina chris chrissy tina", "christine chris chrissy tina",
        "christopher chris kit topher", "clifford cliff", "cynthia cindy", "daniel dan danny", "david dave davy",
        "deborah debbie deb debra", "dennis denny", "donald don donnie", "dorothy dot dottie", "douglas doug",
        "edward ed eddie ted ned", "edwin ed eddie", "elizabeth liz lizzie beth betty betsy eliza libby", "eugene gene",
        "frances fran fanny frankie", "francis frank fran frankie", "frederick fred freddie fritz", "gabriel gabe",
        "gerald gerry jerry", "gregory greg", "harold harry hal", "henry harry hank hal", "isabella bella izzy isabel",
        "jacob jake jay", "james jim jimmy jamie jem", "janet jan", "jeffrey jeff", "jennifer jen jenny jenn",
        "jessica jess jessie", "johannes johann hans john", "john jon johnny jack", "jonathan jon jonny nathan",
        "joseph joe joey jo", "josephine jo josie", "joshua josh", "judith judy", "katherine kathy kate katie kat kathryn",
        "kathleen kathy kate", "kenneth ken kenny", "lawrence larry laurie", "leonard leo len lenny", "lewis lou louie",
        "louis lou louie", "margaret maggie meg peggy marge madge greta", "matthew matt matty", "michael mike mick mickey",
        "michelle shelly mich", "nathaniel nate nathan nat", "nicholas nick nicky", "nicole nicky nikki",
        "pamela pam", "patricia pat patty trish tricia", "patrick pat paddy rick", "peter pete", "philip phil pip",
        "rebecca becky becca", "richard rich rick ricky dick", "robert rob bob bobby robbie bert", "roberta bobbie",
        "ronald ron ronnie", "samantha sam sammy", "samuel sam sammy", "stephen steve stevie", "steven steve stevie",
        "susan sue susie suzy", "theodore ted teddy theo", "thomas tom tommy", "timothy tim timmy",
        "valerie val", "victoria vicky tori", "vincent vince vinny", "walter walt wally", "william will bill billy willy liam",
        "zachary zach zack",
    };
    private static final Map<String, Set<Integer>> GROUPS_OF = index();

    private Nicknames() {
    }

    /** Whether two different folded given names stand for one another. */
    public static boolean same(String a, String b) {
        Set<Integer> of = GROUPS_OF.get(a);
        if (of == null || a.equals(b)) {
            return false;
        }
        Set<Integer> other = GROUPS_OF.getOrDefault(b, Set.of());
        return of.stream().anyMatch(other::contains);
    }

    private static Map<String, Set<Integer>> index() {
        Map<String, Set<Integer>> index = new HashMap<>();
        for (int group = 0; group < GROUPS.length; group++) {
            for (String name : GROUPS[group].split(" ")) {
                index.computeIfAbsent(name, n -> new HashSet<>()).add(group);
            }
        }
        return index;
    }
}
